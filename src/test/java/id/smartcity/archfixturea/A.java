package id.smartcity.archfixturea;

import id.smartcity.archfixtureb.B;

/** With {@link B}, a cycle between two slices, on purpose, for ArchitectureTest. Test code only. */
public class A {
    public B b;
}
