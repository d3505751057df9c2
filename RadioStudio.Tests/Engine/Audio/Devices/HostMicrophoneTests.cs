using RadioStudio.Engine.Audio.Devices;

namespace RadioStudio.Tests.Engine.Audio.Devices;

public sealed class HostMicrophoneTests
{
    [Fact]
    public void ANewerBrowser_TakesOver_AndTheOlderIsToldOnce()
    {
        var mic = new HostMicrophone();
        var firstTold = 0;
        var secondTold = 0;

        var first = mic.Connect(() => firstTold++);
        var second = mic.Connect(() => secondTold++);

        Assert.Equal(1, firstTold);
        Assert.Equal(0, secondTold);
        Assert.False(mic.Owns(first));
        Assert.True(mic.Owns(second));
        Assert.False(mic.PushPcm16(first, new byte[4], 48_000, new float[2]));
        Assert.True(mic.PushPcm16(second, new byte[4], 48_000, new float[2]));

        mic.Disconnect(first); // a late disconnect of the replaced tab changes nothing
        Assert.Equal("browser", mic.Source);
        Assert.True(mic.Owns(second));
    }

    [Fact]
    public void AStudioDevice_TakesOverFromTheBrowser_AndRefusesNewOnes()
    {
        var mic = new HostMicrophone();
        var told = 0;
        var browser = mic.Connect(() => told++);

        mic.UseDevice("Studio In");

        Assert.Equal(1, told);
        Assert.False(mic.Owns(browser));
        Assert.Equal(0, mic.Connect(() => told++));
        Assert.Equal(1, told);
        Assert.Equal("device: Studio In", mic.Source);
    }

    [Fact]
    public void ADisconnectedBrowser_IsNotToldLater()
    {
        var mic = new HostMicrophone();
        var told = 0;
        var browser = mic.Connect(() => told++);
        mic.Disconnect(browser);

        mic.Connect();

        Assert.Equal(0, told);
        Assert.Equal("browser", mic.Source);
    }
}
