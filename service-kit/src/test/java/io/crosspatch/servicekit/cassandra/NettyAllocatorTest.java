package io.crosspatch.servicekit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyAllocatorTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(NettyAllocator.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(NettyAllocator.PROPERTY);
        } else {
            System.setProperty(NettyAllocator.PROPERTY, before);
        }
    }

    @Test
    void shouldPinThePooledAllocatorWhenNothingIsConfigured() {
        System.clearProperty(NettyAllocator.PROPERTY);

        NettyAllocator.pinPooledAllocator();

        assertThat(System.getProperty(NettyAllocator.PROPERTY)).isEqualTo("pooled");
    }

    @Test
    void shouldLeaveAnOperatorsChoiceAlone() {
        System.setProperty(NettyAllocator.PROPERTY, "unpooled");

        NettyAllocator.pinPooledAllocator();

        assertThat(System.getProperty(NettyAllocator.PROPERTY)).isEqualTo("unpooled");
    }
}
