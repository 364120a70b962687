/**
 * Responses counted at their source in a Spring WebFlux application: {@link dev.dcerrors.spring.reactive.ResponseCountingWebFilter}
 * reads the body a handler answers as it is written.
 */
@NullMarked
package dev.dcerrors.spring.reactive;

import org.jspecify.annotations.NullMarked;
