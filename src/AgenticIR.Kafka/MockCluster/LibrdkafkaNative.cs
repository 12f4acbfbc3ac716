using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AgenticIR.Kafka.MockCluster;

/// <summary>librdkafka's C API for the mock cluster, called on the very library Confluent.Kafka loaded. A
/// <c>[DllImport("librdkafka")]</c> could bind another copy (on Debian the default build fails to load and Confluent
/// falls back to another one), and a mock cluster made by one copy cannot be used through another.</summary>
internal static unsafe class LibrdkafkaNative
{
    private const int ErrorBytes = 512;
    private static readonly Lazy<Exports> Loaded = new(Load);

    private sealed class Exports
    {
        public required delegate* unmanaged<nint> ConfNew;
        public required delegate* unmanaged<nint, byte*, byte*, byte*, nuint, int> ConfSet;
        public required delegate* unmanaged<int, nint, byte*, nuint, nint> New;
        public required delegate* unmanaged<nint, void> Destroy;
        public required delegate* unmanaged<nint, int, nint> ClusterNew;
        public required delegate* unmanaged<nint, void> ClusterDestroy;
        public required delegate* unmanaged<nint, byte*> ClusterBootstraps;
        public required delegate* unmanaged<nint, byte*, int, int, int> TopicCreate;
        public required delegate* unmanaged<nint, int, void> InitialRebalanceDelay;
        public required delegate* unmanaged<nint, short, nuint, int*, void> PushRequestErrors;
    }

    /// <summary>Creates a bare client handle (producer type) to own a mock cluster.</summary>
    public static nint NewHandle(IReadOnlyDictionary<string, string> settings)
    {
        var api = Loaded.Value;
        var conf = api.ConfNew();
        var error = stackalloc byte[ErrorBytes];
        foreach (var (name, value) in settings)
        {
            fixed (byte* n = Utf8(name))
            fixed (byte* v = Utf8(value))
            {
                if (api.ConfSet(conf, n, v, error, ErrorBytes) != 0)
                    throw new InvalidOperationException($"librdkafka refused {name}: {Marshal.PtrToStringUTF8((nint)error)}");
            }
        }
        // rd_kafka_new takes ownership of conf on success only.
        var handle = api.New(0, conf, error, ErrorBytes);
        if (handle == 0) throw new InvalidOperationException($"librdkafka could not create a client: {Marshal.PtrToStringUTF8((nint)error)}");
        return handle;
    }

    public static void DestroyHandle(nint handle) => Loaded.Value.Destroy(handle);

    public static nint NewCluster(nint handle, int brokers)
    {
        var cluster = Loaded.Value.ClusterNew(handle, brokers);
        return cluster != 0 ? cluster : throw new InvalidOperationException("librdkafka could not create the mock cluster (see its log on standard error)");
    }

    public static void DestroyCluster(nint cluster) => Loaded.Value.ClusterDestroy(cluster);

    public static string Bootstraps(nint cluster) => Marshal.PtrToStringUTF8((nint)Loaded.Value.ClusterBootstraps(cluster)) ?? "";

    /// <summary>Creates a topic; returns librdkafka's error code (0 on success).</summary>
    public static int CreateTopic(nint cluster, string topic, int partitions, int replication)
    {
        fixed (byte* t = Utf8(topic)) return Loaded.Value.TopicCreate(cluster, t, partitions, replication);
    }

    public static void SetInitialRebalanceDelay(nint cluster, int milliseconds) => Loaded.Value.InitialRebalanceDelay(cluster, milliseconds);

    /// <summary>Makes the next requests of one API fail with the given error codes, one per request.</summary>
    public static void PushRequestErrors(nint cluster, short apiKey, int[] errors)
    {
        fixed (int* codes = errors) Loaded.Value.PushRequestErrors(cluster, apiKey, (nuint)errors.Length, codes);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");

    private static Exports Load()
    {
        // Touching the version makes Confluent.Kafka load its native library, whichever build it settles on.
        _ = Confluent.Kafka.Library.Version;
        var path = LoadedLibraryPath()
            ?? throw new InvalidOperationException("librdkafka is not loaded in this process (Confluent.Kafka found no native library)");
        var library = NativeLibrary.Load(path);
        nint Export(string name) => NativeLibrary.GetExport(library, name);
        return new Exports
        {
            ConfNew = (delegate* unmanaged<nint>)Export("rd_kafka_conf_new"),
            ConfSet = (delegate* unmanaged<nint, byte*, byte*, byte*, nuint, int>)Export("rd_kafka_conf_set"),
            New = (delegate* unmanaged<int, nint, byte*, nuint, nint>)Export("rd_kafka_new"),
            Destroy = (delegate* unmanaged<nint, void>)Export("rd_kafka_destroy"),
            ClusterNew = (delegate* unmanaged<nint, int, nint>)Export("rd_kafka_mock_cluster_new"),
            ClusterDestroy = (delegate* unmanaged<nint, void>)Export("rd_kafka_mock_cluster_destroy"),
            ClusterBootstraps = (delegate* unmanaged<nint, byte*>)Export("rd_kafka_mock_cluster_bootstraps"),
            TopicCreate = (delegate* unmanaged<nint, byte*, int, int, int>)Export("rd_kafka_mock_topic_create"),
            InitialRebalanceDelay = (delegate* unmanaged<nint, int, void>)Export("rd_kafka_mock_group_initial_rebalance_delay_ms"),
            PushRequestErrors = (delegate* unmanaged<nint, short, nuint, int*, void>)Export("rd_kafka_mock_push_request_errors_array"),
        };
    }

    // The mapped module whose file name ends in librdkafka (librdkafka.so, centos8-librdkafka.so, librdkafka.dll, …).
    private static string? LoadedLibraryPath()
    {
        using var process = Process.GetCurrentProcess();
        foreach (ProcessModule module in process.Modules)
        {
            using (module)
            {
                var name = Path.GetFileNameWithoutExtension(module.FileName);
                if (name.EndsWith("librdkafka", StringComparison.OrdinalIgnoreCase)) return module.FileName;
            }
        }
        return null;
    }
}
