using MudBlazor;

namespace RadioStudio.Web.Components.Layout;

/// <summary>A dark theme for a dim studio: low-glare surfaces, amber for the host, red only for ON AIR.</summary>
public static class StudioTheme
{
    /// <summary>The one theme every page uses.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#ffb300",
            PrimaryContrastText = "#1a1300",
            Secondary = "#4fc3f7",
            Tertiary = "#ce93d8",
            Error = "#e53935",
            Background = "#0e1014",
            Surface = "#161920",
            AppbarBackground = "#12151b",
            AppbarText = "#e8e8e8",
            DrawerBackground = "#12151b",
            TextPrimary = "#e8e8e8",
            TextSecondary = "#a7adb8",
            LinesDefault = "#2a2f3a",
            Divider = "#2a2f3a",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
