using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Audio;

/// <summary>
/// Compiles the code the audio clock runs before the clock's first block. A method's first call is compiled on the
/// thread that makes it, and the clock's first block touches some fifty methods (graph, nodes, stems, outputs,
/// meters, the phone lines' hand-offs): compiled there, that block took over 100 ms. Here the runtime compiles every
/// method of the real-time types once (its quick first tier; hot methods are recompiled optimised in the background
/// later, as always) and runs their static constructors, on the starting thread, while nothing is playing yet.
/// </summary>
public static class RealtimePath
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly string[] Namespaces =
    [
        "RadioStudio.Engine.Audio",
        "RadioStudio.Engine.Threading",
    ];

    /// <summary>Types outside the audio namespaces that the clock calls into every block.</summary>
    private static readonly Type[] AlsoOnTheClock =
    [
        typeof(Telephony.PhoneLine),
        typeof(Telephony.PhoneSystem),
        typeof(Telephony.HoldFeed),
        typeof(Telephony.StreamCodec),
        typeof(Telephony.Twilio.MediaStreamSession),
        typeof(Telephony.Twilio.MediaSendPump),
        typeof(Speech.Listening.VoiceListener),
    ];

    /// <summary>The types <see cref="Prepare()"/> compiles: the engine's audio and threading namespaces and the phone line hand-offs.</summary>
    public static IReadOnlyList<Type> Types { get; } =
        [.. typeof(RealtimePath).Assembly.GetTypes().Where(t => Namespaces.Any(n => t.Namespace == n || t.Namespace?.StartsWith(n + ".", StringComparison.Ordinal) == true)).Concat(AlsoOnTheClock).Distinct()];

    /// <summary>Compiles every concrete, non-generic method of <see cref="Types"/> and runs their static constructors.</summary>
    public static RealtimePathPrepared Prepare() => Prepare(Types);

    /// <summary>Compiles every concrete, non-generic method of <paramref name="types"/> and runs their static constructors.</summary>
    public static RealtimePathPrepared Prepare(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var started = Stopwatch.GetTimestamp();
        var typeCount = 0;
        var methods = 0;
        var failed = 0;
        foreach (var type in types)
        {
            if (type.ContainsGenericParameters || type.IsInterface)
            {
                continue;
            }

            typeCount++;
            try
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
            catch (TypeInitializationException)
            {
                // The type's first real use reports it; preparing must not take the studio down.
                failed++;
            }

            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (method.IsAbstract || method.ContainsGenericParameters || method.IsStatic && method is ConstructorInfo ||
                    (method.Attributes & MethodAttributes.PinvokeImpl) != 0 || method.GetMethodBody() is null)
                {
                    continue;
                }

                try
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    methods++;
                }
                catch (Exception error) when (error is ArgumentException or InvalidOperationException or NotSupportedException or TypeLoadException or BadImageFormatException)
                {
                    failed++;
                }
            }
        }

        return new RealtimePathPrepared(typeCount, methods, failed, Stopwatch.GetElapsedTime(started));
    }
}

/// <summary>What <see cref="RealtimePath.Prepare()"/> did: types and methods compiled, ones that could not be, time taken.</summary>
public sealed record RealtimePathPrepared(int Types, int Methods, int Failed, TimeSpan Elapsed);
