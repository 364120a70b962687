/**
 * Spring Boot auto-configuration of DC Error Analytics: installs
 * {@link dev.dcerrors.logback.DevCenterErrorTurboFilter} into the running Logback context and registers
 * {@link dev.dcerrors.micrometer.DevCenterErrorMetrics} as a {@code MeterBinder} bean, both configured from
 * {@code devcenter.errors.*} properties.
 */
@NullMarked
package dev.dcerrors.spring;

import org.jspecify.annotations.NullMarked;
