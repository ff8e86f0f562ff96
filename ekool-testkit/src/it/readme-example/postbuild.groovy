// Run by maven-invoker-plugin after the build of readme-example (postbuild is its default hook name). The java25
// execution of ekool-testkit/pom.xml passes expectedJavaFeature=25: the README example's tests must then have run on
// Java 25, as the surefire report of each test class records (java.specification.version). Without this, a javaHome
// the invoker ignored would pass as "built and run on JDK 25". The default execution passes no expectedJavaFeature
// and only needs a report.
def reports = new File(basedir, 'target/surefire-reports').listFiles({ f -> f.name ==~ /TEST-.*\.xml/ } as FileFilter)
assert reports != null && reports.length > 0 : "readme-example wrote no surefire report in ${basedir}/target/surefire-reports"
def expected = binding.hasVariable('expectedJavaFeature') ? expectedJavaFeature : null
reports.each { report ->
    def specification = new groovy.xml.XmlSlurper().parse(report).properties.property
            .find { it.@name == 'java.specification.version' }.@value.toString()
    assert specification : "${report.name} records no java.specification.version"
    if (expected != null) {
        assert specification == expected.toString() :
                "${report.name}: the README example's tests ran on Java ${specification}, not on Java ${expected}"
    }
}
println "readme-example: tests ran on Java ${expected ?: 'of the build'} (${reports.length} report(s) checked)"
return true
