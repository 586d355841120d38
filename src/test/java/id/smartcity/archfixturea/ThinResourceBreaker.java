package id.smartcity.archfixturea;

/**
 * Breaks "resources use services, never repositories" on purpose, for ArchitectureTest: a
 * resource that reads through a repository. Test code only.
 */
public class ThinResourceBreaker {

    /** Named like every repository of the code. */
    public static class FixtureRepository {
        public Object find() {
            return null;
        }
    }

    @jakarta.ws.rs.Path("/fixture")
    public static class FixtureResource {
        FixtureRepository repository = new FixtureRepository();

        @jakarta.ws.rs.GET
        public Object get() {
            return repository.find();
        }
    }

    /** Panache statics on an entity, from a resource, break the rule too. */
    @jakarta.ws.rs.Path("/fixture-entities")
    public static class EntityQueryingResource {
        @jakarta.ws.rs.GET
        public long count() {
            return id.smartcity.dimension.Dimension.count();
        }
    }
}
