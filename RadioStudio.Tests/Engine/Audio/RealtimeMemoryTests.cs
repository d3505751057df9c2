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
}
