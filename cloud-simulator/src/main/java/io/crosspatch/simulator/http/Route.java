package io.crosspatch.simulator.http;

import com.sun.net.httpserver.HttpExchange;

/** Answers the requests under one path prefix. */
@FunctionalInterface
public interface Route {

    void handle(HttpExchange exchange) throws Exception;
}
