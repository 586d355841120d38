package id.smartcity.archfixtureb;

import id.smartcity.archfixturea.A;

/** With {@link A}, a cycle between two slices, on purpose, for ArchitectureTest. Test code only. */
public class B {
    public A a;
}
