using Microsoft.Extensions.Logging.Abstractions;
using RadioStudio.Engine.Show.Ending;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Show.Ending;

public sealed class MusicFadeAtShowEndTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OffAir_WithMusicPlaying_FadesTheMusicOut()
    {
        var studio = new FakeStudio(FakeStudio.Initial(T0).OnAir(T0));
        var desk = new FakeAudioDesk();
        var fade = new MusicFadeAtShowEnd(studio, desk, NullLogger<MusicFadeAtShowEnd>.Instance);
        await fade.StartAsync(CancellationToken.None);
        var playing = studio.Current with { Audio = studio.Current.Audio with { NowPlaying = "bed.wav" } };

        await fade.OnStateAsync(playing);
        Assert.Empty(desk.Commands);
        await fade.OnStateAsync(playing with { OnAir = false });

        Assert.Equal(["stop-music"], desk.Commands);
        await fade.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task OffAir_WithNoMusic_OrStayingOffAir_DoesNothing()
    {
        var studio = new FakeStudio(FakeStudio.Initial(T0).OnAir(T0));
        var desk = new FakeAudioDesk();
        var fade = new MusicFadeAtShowEnd(studio, desk, NullLogger<MusicFadeAtShowEnd>.Instance);
        await fade.StartAsync(CancellationToken.None);

        await fade.OnStateAsync(studio.Current with { OnAir = false });
        await fade.OnStateAsync(studio.Current with { OnAir = false, Audio = studio.Current.Audio with { NowPlaying = "bed.wav" } });

        Assert.Empty(desk.Commands);
    }
}
