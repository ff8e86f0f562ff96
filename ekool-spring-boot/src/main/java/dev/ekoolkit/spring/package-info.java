/**
 * Spring Boot auto-configuration for signing users in with eKool through Spring Security's OAuth 2.0 client:
 * {@link dev.ekoolkit.spring.EkoolProperties} ({@code ekool.*}), the {@code ekool} client registration
 * ({@link dev.ekoolkit.spring.EkoolAutoConfiguration}), the {@code /user/me/basic} user service
 * ({@link dev.ekoolkit.spring.EkoolOAuth2UserService}) and its principal ({@link dev.ekoolkit.spring.EkoolOAuth2User}),
 * and start-up checks of the credentials ({@link dev.ekoolkit.spring.EkoolConfigurationException}).
 */
package dev.ekoolkit.spring;
