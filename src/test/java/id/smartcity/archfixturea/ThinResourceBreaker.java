package id.smartcity.archfixturea;

/**
 * Breaks "resources use services, never repositories" on purpose, for ArchitectureTest: a
 * resource that reads through a repository. Test code only, and deliberately without JAX-RS
 * annotations (Quarkus serves annotated test classes in the test profile).
 */
public class ThinResourceBreaker {

    /** Named like every repository of the code. */
    public static class FixtureRepository {
        public Object find() {
            return null;
        }
    }

    public static class FixtureResource {
        FixtureRepository repository = new FixtureRepository();

        public Object get() {
            return repository.find();
        }
    }

    /** Panache statics on an entity, from a resource, break the rule too. */
    public static class EntityQueryingResource {
        public long count() {
            return id.smartcity.dimension.Dimension.count();
        }
    }
}
