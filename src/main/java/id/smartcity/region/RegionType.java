package id.smartcity.region;

/** Kabupaten (regency) or kota (city). */
public enum RegionType {
    KABUPATEN,
    KOTA
}
