package io.crosspatch.testbed;

/** A forked server that fault drills restart on the same data and ports: the Kafka broker, the Cassandra node. */
public interface RestartableServer {

    /** Stops the server cleanly (SIGTERM) and starts it again; returns once it answers. */
    void restart() throws InterruptedException;

    /** Kills the server with SIGKILL, as a crash would, and starts it again; returns once it answers. */
    void crashAndRestart() throws InterruptedException;
}
