package io.meshbone.domains;

import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Base of the domain apps' TopologyTestDriver tests: an in-memory registry per class, a driver per test; no broker. */
public abstract class ExampleMeshTest {

    protected static ExampleMesh mesh;
    protected TopologyTestDriver driver;

    @BeforeAll
    static void startRegistry() throws Exception {
        mesh = ExampleMesh.start();
    }

    @AfterAll
    static void stopRegistry() {
        mesh.close();
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }
}
