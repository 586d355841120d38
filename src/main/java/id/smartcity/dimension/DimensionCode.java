package id.smartcity.dimension;

/** The six Smart City dimensions, in the order the national movement lists them. */
public enum DimensionCode {
    GOVERNANCE,
    BRANDING,
    ECONOMY,
    LIVING,
    SOCIETY,
    ENVIRONMENT
}
