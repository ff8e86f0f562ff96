/**
 * Not API: leaf helpers of the testkit's extension, free to change in any release. Classes here import nothing else
 * of the testkit (only the JDK and JUnit), so the testkit's packages form no cycle; {@code PackageDependenciesTest}
 * keeps it so.
 */
package dev.ekoolkit.testkit.internal;
