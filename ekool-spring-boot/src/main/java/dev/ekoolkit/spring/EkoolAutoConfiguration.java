package dev.ekoolkit.spring;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;

import java.util.ArrayList;
import java.util.List;

/**
 * Signs users in with eKool through Spring Security's OAuth 2.0 client once {@code ekool.client-id} is set:
 * registers the {@code ekool} {@link ClientRegistration} (see {@link EkoolClientRegistration}) and the
 * {@link EkoolOAuth2UserService}, and checks the credentials at start-up.
 *
 * <p>It never fights the application's own configuration: with its own {@link ClientRegistrationRepository} bean,
 * or with {@code spring.security.oauth2.client.registration.ekool.*} / {@code ...provider.ekool.*} properties, the
 * application's registration is used as it is. When the application configures other providers under
 * {@code spring.security.oauth2.client.registration.*}, Spring Boot builds their repository and the {@code ekool}
 * registration is added to it. Runs before Spring Boot's OAuth 2.0 client auto-configuration (Spring Boot 4.0 and
 * 3.5), so that Boot's default {@code oauth2Login()} security applies to the registration.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration"})
@ConditionalOnClass(ClientRegistration.class)
@EnableConfigurationProperties(EkoolProperties.class)
public class EkoolAutoConfiguration {

    /** Created by Spring Boot. */
    public EkoolAutoConfiguration() {
    }

    /**
     * The {@code ekool} registration alone, when {@code ekool.client-id} or {@code ekool.client-secret} is set and
     * the application configures no OAuth 2.0 client of its own.
     *
     * @param properties the {@code ekool.*} settings
     * @return a repository holding only the {@code ekool} registration
     * @throws EkoolConfigurationException when a setting is malformed
     */
    @Bean
    @ConditionalOnMissingBean(ClientRegistrationRepository.class)
    @Conditional(EkoolClientCondition.Alone.class)
    public InMemoryClientRegistrationRepository ekoolClientRegistrationRepository(EkoolProperties properties) {
        return new InMemoryClientRegistrationRepository(EkoolClientRegistration.of(properties));
    }

    /**
     * Adds the {@code ekool} registration to the repository Spring Boot builds from the application's
     * {@code spring.security.oauth2.client.registration.*} properties for other providers.
     *
     * @return a post-processor that adds {@code ekool} to Spring Boot's own repository, never to the application's
     */
    @Bean
    @Conditional(EkoolClientCondition.BesideOthers.class)
    public static BeanPostProcessor ekoolClientRegistrationAdder() {
        return new RegistrationAdder();
    }

    /**
     * The {@code /user/me/basic} user service, unless the application defines an {@link OAuth2UserService}.
     *
     * @return a user service that loads the eKool profile from {@code /user/me/basic}
     */
    @Bean
    @ConditionalOnMissingBean(OAuth2UserService.class)
    public EkoolOAuth2UserService ekoolOAuth2UserService() {
        return new EkoolOAuth2UserService();
    }

    /** Adds {@code ekool} to Spring Boot's own {@link InMemoryClientRegistrationRepository}, never to the application's. */
    static final class RegistrationAdder implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware {
        private ConfigurableListableBeanFactory beanFactory;
        private Environment environment;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
        }

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (!(bean instanceof InMemoryClientRegistrationRepository repository)
                    || repository.findByRegistrationId(EkoolClientRegistration.REGISTRATION_ID) != null
                    || !builtBySpringBoot(beanName)) {
                return bean;
            }
            EkoolProperties properties = Binder.get(environment).bind(EkoolProperties.PREFIX, EkoolProperties.class)
                    .orElseGet(EkoolProperties::new);
            List<ClientRegistration> all = new ArrayList<>();
            repository.forEach(all::add);
            all.add(EkoolClientRegistration.of(properties));
            return new InMemoryClientRegistrationRepository(all);
        }

        private boolean builtBySpringBoot(String beanName) {
            if (!beanFactory.containsBeanDefinition(beanName)) {
                return false;
            }
            BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
            String factory = definition.getFactoryBeanName();
            return factory != null && factory.startsWith("org.springframework.boot.");
        }
    }
}
