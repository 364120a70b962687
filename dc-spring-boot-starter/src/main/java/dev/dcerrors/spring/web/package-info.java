/**
 * Responses counted at their source in a Spring application: the bodies Spring MVC handlers answer
 * ({@link dev.dcerrors.spring.web.ResponseCountingAdvice}, within the exchange {@link dev.dcerrors.spring.web.ExchangeFilter}
 * opens for each request), and the bodies {@code RestClient} and {@code RestTemplate} receive
 * ({@link dev.dcerrors.spring.web.ResponseCountingInterceptor}).
 */
@NullMarked
package dev.dcerrors.spring.web;

import org.jspecify.annotations.NullMarked;
