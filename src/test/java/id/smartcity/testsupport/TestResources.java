package id.smartcity.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the suite's real dependencies once for every {@code @QuarkusTest}: PostgreSQL and the
 * OpenID provider. One profile, one boot.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(OidcServerResource.class)
public final class TestResources {

    private TestResources() {}
}
