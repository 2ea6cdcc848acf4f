package io.crosspatch.servicekit.cassandra;

/**
 * Pins Netty's pooled buffer allocator for the Cassandra driver. Spring Boot 4 brings Netty 4.2, whose new default,
 * the adaptive allocator, corrupts frames of the DataStax driver (built against Netty 4.1) under load: the enrollment
 * storm benchmark saw a few dozen {@code DecoderException: IndexOutOfBoundsException … AdaptivePoolingAllocator} per
 * 10,000 requests, each a failed Cassandra call (netty/netty#15631, still open). Netty reads the property once, when
 * its allocator class initialises, so every service calls this first thing in {@code main}; an operator's own
 * {@code -Dio.netty.allocator.type} wins.
 */
public final class NettyAllocator {

    static final String PROPERTY = "io.netty.allocator.type";

    private NettyAllocator() {}

    public static void pinPooledAllocator() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "pooled");
        }
    }
}
