package id.smartcity.fuzz;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A profile of its own, so that the fuzz test gets an application and a database of its own (the
 * test resources start again for a new profile): thousands of generated writes, region 33.03
 * created when missing, framework versions added and replaced — none of it may leak into the
 * tests that share the default profile's database (DemoDataTest loads Purbalingga, 33.03, only
 * when it is absent).
 */
public class FuzzProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("smartcity.demo-data", "false");
    }
}
