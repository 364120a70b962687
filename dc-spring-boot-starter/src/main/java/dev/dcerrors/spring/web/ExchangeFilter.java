package dev.dcerrors.spring.web;

import dev.dcerrors.core.Exchange;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens the server {@link Exchange} of each request on the thread that handles it, async dispatches included, and ends
 * it when the request leaves the filter chain: a log call of the handler and the body it answers are one response.
 */
public class ExchangeFilter extends OncePerRequestFilter implements Ordered {

    /** First of all filters, so that every log call of the request is inside its exchange. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Exchange.beginServer();
        try {
            chain.doFilter(request, response);
        } finally {
            Exchange.endServer();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false; // the async dispatch writes the body on another thread: it is an exchange there too
    }
}
