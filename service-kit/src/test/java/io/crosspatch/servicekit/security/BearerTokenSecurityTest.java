package io.crosspatch.servicekit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class BearerTokenSecurityTest {

    @Test
    void shouldRefuseABadTokenWithA401ChallengeThatSaysNotWhy() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        BearerTokenSecurity.unauthenticated()
                .commence(
                        new MockHttpServletRequest(),
                        response,
                        new InvalidBearerTokenException("signature does not match key kid-7"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":\"UNAUTHENTICATED\",\"message\":\"a valid bearer token is required\"}");
    }

    @Test
    void shouldRefuseATokenWithoutTheRoleWithA403AndNoChallenge() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        BearerTokenSecurity.forbidden("this token does not grant the operator role")
                .handle(new MockHttpServletRequest(), response, new AccessDeniedException("denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":\"FORBIDDEN\",\"message\":\"this token does not grant the operator role\"}");
    }
}
