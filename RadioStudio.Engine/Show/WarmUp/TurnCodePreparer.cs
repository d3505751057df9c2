using System.Reflection;
using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Show.WarmUp;

/// <summary>
/// Compiles the studio's own turn-path code ahead of its first call (<see cref="RuntimeHelpers.PrepareMethod(RuntimeMethodHandle)"/>
/// over every concrete method, async state machines included, of the namespaces an AI turn runs through). The
/// warm-up runs the providers' clients for real; this covers the director's turn code, which only a real turn
/// would run. Once per process: later calls return at once.
/// </summary>
internal static class TurnCodePreparer
{
    private static readonly string[] Namespaces =
    [
        "RadioStudio.Engine.Show", "RadioStudio.Engine.Llm", "RadioStudio.Engine.Speech", "RadioStudio.Engine.Studio",
        "RadioStudio.Engine.Audio.Media", "RadioStudio.Engine.Audio.Nodes", "RadioStudio.Engine.Telephony",
    ];

    private static int _prepared;

    /// <summary>Prepares the methods once; returns how many were compiled by this call (0 after the first).</summary>
    public static int PrepareOnce(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 1)
        {
            return 0;
        }

        var count = 0;
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(TurnCodePreparer).Assembly.GetTypes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (type.ContainsGenericParameters || type.IsInterface || !InScope(type.Namespace ?? type.DeclaringType?.Namespace))
            {
                continue;
            }

            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method.IsAbstract || method.ContainsGenericParameters || (method.MethodImplementationFlags & MethodImplAttributes.InternalCall) != 0)
                {
                    continue;
                }

                try
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    count++;
                }
                catch (Exception error) when (error is ArgumentException or InvalidOperationException or NotSupportedException or BadImageFormatException)
                {
                    // Not compilable on its own (e.g. a P/Invoke stub); it compiles on first call as before.
                }
            }
        }

        return count;
    }

    private static bool InScope(string? ns) =>
        ns is not null && Namespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal));
}
