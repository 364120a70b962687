package dev.dcerrors.spring.web;

import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Installs {@link ResponseCountingInterceptor} into the clients built from Spring Boot's builders, on Spring Boot 3 and
 * 4 alike (Boot 4 moved its client customizers to another package).
 */
public final class ClientCustomizers {

    /** Where Spring Boot 3 and Spring Boot 4 declare the customizer of each {@code RestTemplate} its builder makes. */
    static final String[] REST_TEMPLATE_CUSTOMIZERS = {"org.springframework.boot.web.client.RestTemplateCustomizer",
        "org.springframework.boot.restclient.RestTemplateCustomizer"};

    private ClientCustomizers() {
    }

    /** Adds the interceptor to every {@code RestClient.Builder} bean (Boot makes one per injection point). */
    public static final class RestClientBuilders implements BeanPostProcessor {

        private final ObjectProvider<ResponseCountingInterceptor> interceptor;

        public RestClientBuilders(ObjectProvider<ResponseCountingInterceptor> interceptor) {
            this.interceptor = interceptor;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (bean instanceof RestClient.Builder) {
                ((RestClient.Builder) bean).requestInterceptor(interceptor.getObject());
            }
            return bean;
        }
    }

    /**
     * Registers a {@code RestTemplateCustomizer} of whichever Spring Boot is running, which adds the interceptor to each
     * {@code RestTemplate} its {@code RestTemplateBuilder} builds and lets the interceptor see the call's URI template.
     */
    public static final class RestTemplates implements ImportBeanDefinitionRegistrar, BeanFactoryAware {

        private @Nullable BeanFactory beanFactory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = beanFactory;
        }

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            ClassLoader loader = RestTemplates.class.getClassLoader();
            for (String name : REST_TEMPLATE_CUSTOMIZERS) {
                if (ClassUtils.isPresent(name, loader)) {
                    Class<?> type = ClassUtils.resolveClassName(name, loader);
                    BeanFactory factory = beanFactory;
                    RootBeanDefinition definition = new RootBeanDefinition(type);
                    definition.setInstanceSupplier(() -> customizer(type, factory));
                    registry.registerBeanDefinition("devCenterErrorRestTemplateCustomizer", definition);
                    return;
                }
            }
        }

        private static Object customizer(Class<?> type, @Nullable BeanFactory factory) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "customize":
                        if (args != null && args.length == 1 && args[0] instanceof RestTemplate && factory != null) {
                            RestTemplate restTemplate = (RestTemplate) args[0];
                            restTemplate.getInterceptors().add(factory.getBean(ResponseCountingInterceptor.class));
                            ResponseCountingInterceptor.RememberingUriTemplateHandler.install(restTemplate);
                        }
                        return null;
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "toString":
                        return "DevCenterErrorRestTemplateCustomizer";
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });
        }
    }
}
