package id.smartcity.platform.archfixture;

import id.smartcity.region.Region;

/** Breaks "the platform imports no feature" on purpose, for ArchitectureTest. Test code only. */
public class FeatureUser {
    public Region region;
}
