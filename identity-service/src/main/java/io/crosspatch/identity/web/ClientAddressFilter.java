package io.crosspatch.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@link HttpServletRequest#getRemoteAddr()} the client's address as {@link TrustedProxies} decide it, for
 * everything after it (the rate limit, the enrollment's recorded source). It stands in for the servlet
 * container's own forwarded-header handling ({@code server.forward-headers-strategy}, kept at {@code none}),
 * which trusts every private address as a proxy.
 */
class ClientAddressFilter extends OncePerRequestFilter {

    private final TrustedProxies trustedProxies;

    public ClientAddressFilter(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trustedProxies.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<String> forwardedFor = Collections.list(request.getHeaders("X-Forwarded-For"));
        String client = trustedProxies.clientOf(request.getRemoteAddr(), forwardedFor);
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getRemoteAddr() {
                        return client;
                    }

                    @Override
                    public String getRemoteHost() {
                        return client;
                    }
                },
                response);
    }
}
