package verbatim.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.common.settings.Settings;

/**
 * Starts an OpenSearch cluster of N nodes on loopback in this JVM, then obeys its standard input.
 *
 * <p>Usage: {@code Launcher BASE_PATH NODES HTTP_PORT TRANSPORT_PORT [PLUGINS]}. Node i (1-based)
 * listens on HTTP_PORT + i - 1 and TRANSPORT_PORT + i - 1. Once the cluster is green it prints one
 * line {@code READY port port port}. PLUGINS, plugin classes separated by commas, are loaded from
 * the classpath (the security plugin: its settings come in VERBATIM_CLUSTER_SETTINGS); with them,
 * READY comes once the nodes are started, not green: a plugin such as the security one refuses
 * the runner's own client (no user), and the caller waits for green over HTTP with its user. Commands, one a line: {@code stop I} closes node I (as if its
 * machine died), {@code start I} starts it again; each answers {@code DONE} or
 * {@code FAILED reason}. The end of standard input (the test process gone) closes the cluster.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String basePath = args[0];
        int nodes = Integer.parseInt(args[1]);
        int httpPort = Integer.parseInt(args[2]);
        int transportPort = Integer.parseInt(args[3]);
        String plugins = args.length > 4 ? args[4] : "";
        List<String> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            seeds.add("127.0.0.1:" + (transportPort + i));
            names.add("node-" + (i + 1));
        }
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> {
            int i = number - 1;
            settings.put("node.name", names.get(i));
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", Integer.toString(httpPort + i));
            settings.put("transport.port", Integer.toString(transportPort + i));
            settings.putList("discovery.seed_hosts", seeds);
            settings.putList("cluster.initial_cluster_manager_nodes", names);
            // a shared test machine's disk may be nearly full: never refuse to allocate for it
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", false);
            // more node settings, "name=value" separated by spaces (launcher.py's SETTINGS)
            String extra = System.getenv("VERBATIM_CLUSTER_SETTINGS");
            if (extra != null) {
                for (String pair : extra.trim().split("\\s+")) {
                    if (!pair.isEmpty()) {
                        String[] kv = pair.split("=", 2);
                        settings.put(kv[0], kv[1]);
                    }
                }
            }
        }).build(OpenSearchRunner.newConfigs()
                .basePath(basePath)
                .numOfNode(nodes)
                .clusterName("verbatim-test")
                .printOnFailure()
                .disableESLogger()
                .pluginTypes(plugins));
        if (plugins.isEmpty()) {
            runner.ensureGreen();
        }
        StringBuilder ready = new StringBuilder("READY");
        for (int i = 0; i < nodes; i++) {
            ready.append(' ').append(httpPort + i);
        }
        System.out.println(ready);
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            try {
                int index = Integer.parseInt(words[1]) - 1;
                if (words[0].equals("stop")) {
                    runner.getNode(index).close();
                } else if (words[0].equals("start")) {
                    if (!runner.startNode(index)) {
                        throw new IllegalStateException("node " + words[1] + " did not start");
                    }
                } else {
                    throw new IllegalArgumentException("unknown command " + words[0]);
                }
                System.out.println("DONE");
            } catch (Exception e) {
                System.out.println("FAILED " + e);
            }
            System.out.flush();
        }
        // closing nodes may wait on their threads: never outlive the tests by more than 20 s
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(0);
        });
        deadline.setDaemon(true);
        deadline.start();
        runner.close();
        runner.clean();
        System.exit(0);
    }
}
