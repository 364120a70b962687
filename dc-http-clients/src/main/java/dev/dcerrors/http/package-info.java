/**
 * Counts the responses HTTP clients receive where they arrive, each installed with one line, each library optional:
 * {@link dev.dcerrors.http.DevCenterOkHttpInterceptor} (OkHttp), {@link dev.dcerrors.http.DevCenterFeignCapability}
 * (OpenFeign), {@link dev.dcerrors.http.DevCenterHttpClient5Interceptor} (Apache HttpClient 5, classic). Each call begins
 * a client {@link dev.dcerrors.core.Exchange}; the body is read from a bounded copy, and the application receives it
 * unchanged.
 */
@NullMarked
package dev.dcerrors.http;

import org.jspecify.annotations.NullMarked;
