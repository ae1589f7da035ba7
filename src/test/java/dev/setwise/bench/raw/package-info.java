/**
 * The raw baselines of {@code bench/all.sh}: tiny programs that do the same job as Setwise with
 * nothing but the libraries (the smallest JavaFX window, plain JDBC, a bare Javalin handler,
 * streaming Jackson), and the agent that times the first rendered frame of any JavaFX window.
 *
 * <p>Each class stands alone (it uses nothing of Setwise, nor of the other classes here), because
 * the suite packs each into a jar of its own under {@code target/bench/jars/} whose manifest names
 * only the libraries it needs, from {@code target/lib}: started with {@code java -jar}, exactly as
 * {@code target/setwise.jar} is.
 */
package dev.setwise.bench.raw;
