using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Diagnostics;

namespace RadioStudio.Tests.Engine.Audio;

public sealed class RealtimeMemoryTests
{
    [Fact]
    public void AnArrayFromRealtimeMemory_IsZeroed_AndAnotherThreadWritesItWithoutAPageFault()
    {
        const int Floats = 4 << 20; // 16 MiB: fresh pages straight from the OS
        var array = RealtimeMemory.Array<float>(Floats);
        Assert.All(new[] { 0, Floats / 2, Floats - 1 }, i => Assert.Equal(0f, array[i]));

        // The "clock": a thread that did not allocate the array writes one float in every page.
        ThreadUsage used = default;
        var writer = new Thread(() =>
        {
            // The first calls compile and bind the measuring itself, which takes faults of its own.
            Warm();
            ThreadUsage.TryReadCurrent(out var before);
            for (var i = 0; i < Floats; i += 1024)
            {
                array[i] = 1f;
            }

            ThreadUsage.TryReadCurrent(out var after);
            used = after - before;
        });
        writer.Start();
        writer.Join();

        Assert.Equal(0, used.MinorFaults + used.MajorFaults);
        Assert.Equal(1f, array[Floats - 1024]);
    }

    internal static void Warm()
    {
        for (var i = 0; i < 3; i++)
        {
            ThreadUsage.TryReadCurrent(out var first);
            ThreadUsage.TryReadCurrent(out var second);
            _ = second - first;
        }
    }
}

public sealed class ClockStackTests
{
    [Fact]
    public void AfterTouchStack_AThreadGoesDeepWithoutAPageFault()
    {
        ThreadUsage used = default;
        var clock = new Thread(() =>
        {
            _ = AudioClock.TouchStack();
            _ = UseStack(16); // compiled before measuring
            RealtimeMemoryTests.Warm();
            ThreadUsage.TryReadCurrent(out var before);
            var sum = UseStack(AudioClock.TouchedStackBytes / 2);
            ThreadUsage.TryReadCurrent(out var after);
            used = after - before;
            GC.KeepAlive(sum);
        });
        clock.Start();
        clock.Join();

        Assert.Equal(0, used.MinorFaults + used.MajorFaults);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int UseStack(int bytes)
    {
        Span<byte> deep = stackalloc byte[bytes];
        deep.Fill(7);
        return deep[0] + deep[^1];
    }
}
