package id.smartcity.fgd;

/** Whether an invited stakeholder came. */
public enum Attendance {
    INVITED,
    ATTENDED,
    ABSENT
}
