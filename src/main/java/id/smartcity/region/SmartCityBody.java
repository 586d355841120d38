package id.smartcity.region;

/** The bodies a head-of-region decree sets up for the Smart City program. */
public enum SmartCityBody {
    /** Dewan Smart City: the council of agency (OPD) heads. */
    DEWAN_SMART_CITY,
    /** Tim Pelaksana: agency secretaries and sub-district secretaries who carry the program out. */
    TIM_PELAKSANA,
    /** Tim Teknis: the technical team. */
    TIM_TEKNIS
}
