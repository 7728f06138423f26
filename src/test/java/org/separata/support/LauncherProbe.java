package org.separata.support;

import java.lang.management.ManagementFactory;

/**
 * Stands in for Separata in a jar that tests start through the launcher: prints each argument, the
 * jar it runs from and the JVM's options, one per line.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        for (String a : args) {
            System.out.println("arg:" + a);
        }
        System.out.println("jar:" + System.getProperty("java.class.path"));
        System.out.println("java:" + System.getProperty("java.home"));
        for (String o : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            System.out.println("vm:" + o);
        }
    }
}
