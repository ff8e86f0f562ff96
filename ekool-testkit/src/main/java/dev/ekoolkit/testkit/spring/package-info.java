/**
 * Spring test support, active only when Spring's test framework is on the class path: {@code @EkoolMockTest} on a
 * {@code @SpringBootTest} class runs the mock with the application context
 * ({@link dev.ekoolkit.testkit.spring.EkoolMockContextCustomizerFactory}), and
 * {@link dev.ekoolkit.testkit.spring.EkoolSpringLogin} signs a user in through MockMvc or a real HTTP client.
 */
package dev.ekoolkit.testkit.spring;
