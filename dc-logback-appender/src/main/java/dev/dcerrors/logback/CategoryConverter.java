package dev.dcerrors.logback;

import dev.dcerrors.core.CodeLabels;
import org.jspecify.annotations.Nullable;

/**
 * {@code %dcCategory}: the category of the event's first error code ({@code unknown} for a code outside
 * the catalog), or nothing for a success or an event without a code. Register it with
 * {@code <conversionRule conversionWord="dcCategory" class="dev.dcerrors.logback.CategoryConverter"/>}.
 */
public class CategoryConverter extends DevCenterConverter {

    @Override
    String part(int code, @Nullable CodeLabels labels) {
        return labels == null ? "" : labels.category().label();
    }
}
