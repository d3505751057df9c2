using System.Collections.Immutable;
using RadioStudio.Engine.Audio.Graph;

namespace RadioStudio.Tests.Engine.Audio.Graph;

/// <summary>A caller whose voice is a constant (or a function of the sample index) and who records what they hear.</summary>
internal sealed class FakeLine(int slot, Func<long, float> voice) : IPhoneLineAudio
{
    private long _sample;

    public FakeLine(int slot, float level)
        : this(slot, _ => level)
    {
    }

    public int Slot { get; set; } = slot;

    public bool Connected { get; set; } = true;

    public List<float[]> Heard { get; } = [];

    public int HoldFrames { get; private set; }

    public void ReadInbound(Span<float> block)
    {
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = voice(_sample++);
        }
    }

    public void SendReturn(ReadOnlySpan<float> block) => Heard.Add(block.ToArray());

    public void SendHold() => HoldFrames++;
}

internal sealed class FakePhoneLines : IPhoneLineProvider
{
    public ImmutableArray<IPhoneLineAudio> AudioLines { get; set; } = [];
}
