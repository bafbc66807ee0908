package io.streampulse.monitor.history;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * Micronaut Data calls {@code Connection.setReadOnly(true)} around read-only methods, and sqlite-jdbc refuses it
 * once a connection is open (micronaut-data #3560). Connections handed out here ignore the flag and report
 * "not read-only". Ordered first, so Micronaut Data's own wrapper sits on top of this one (java-stack.md §2).
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SqliteReadOnlyGuard implements BeanCreatedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource pool = event.getBean();
        return proxy(DataSource.class, pool, (method, args) -> method.getName().equals("getConnection")
                ? guarded((Connection) method.invoke(pool, args)) : method.invoke(pool, args));
    }

    private static Connection guarded(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> switch (method.getName()) {
            case "setReadOnly" -> null;
            case "isReadOnly" -> false;
            default -> method.invoke(connection, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
