package org.gridatlas.api.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.gridatlas.store.GridStore;
import org.gridatlas.store.StoreException;

/**
 * A store that can be stopped as PostgreSQL can: once {@link #stop}ped every call waits, as a pool
 * waits for a connection, until {@link #timeOut} lets the waits run out; then every call fails.
 */
final class StoreOutage implements InvocationHandler {
    private final GridStore real;
    private final Semaphore asked = new Semaphore(0);
    private volatile CountDownLatch down;

    StoreOutage(GridStore real) {
        this.real = real;
    }

    GridStore store() {
        return (GridStore)
                Proxy.newProxyInstance(GridStore.class.getClassLoader(), new Class<?>[] {GridStore.class}, this);
    }

    void stop() {
        down = new CountDownLatch(1);
    }

    /** The handshake that something asked the stopped store. */
    void awaitCall() throws InterruptedException {
        assertTrue(asked.tryAcquire(20, TimeUnit.SECONDS), "nothing asked the stopped store");
    }

    /** The waiting calls, and every call from now on, fail. */
    void timeOut() {
        down.countDown();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        CountDownLatch d = down;
        if (d != null && !method.getName().equals("close")) {
            asked.release();
            d.await();
            throw new StoreException("the connection pool timed out: the database is stopped", null);
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
