package id.smartcity.quickwin.api;

/** Formats shared by the quick-win requests. */
public final class QuickWinFormats {

    /** Money: a string of an exact decimal in IDR, at most two decimals. */
    public static final String MONEY = "^\\d{1,16}(\\.\\d{1,2})?$";

    private QuickWinFormats() {}
}
