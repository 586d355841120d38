package id.smartcity.quickwin;

/** Where a program's money comes from: regional budget, national budget, CSR, or other. */
public enum FundingSource {
    APBD,
    APBN,
    CSR,
    OTHER
}
