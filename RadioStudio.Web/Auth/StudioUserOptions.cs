namespace RadioStudio.Web.Auth;

/// <summary>One user under <c>Auth:Users:&lt;name&gt;</c>.</summary>
public sealed class StudioUserOptions
{
    /// <summary><c>host</c>, <c>screener</c> or <c>cohost</c>.</summary>
    public string Role { get; set; } = "";

    /// <summary>An ASP.NET Core Identity password hash (<c>-- hash-password</c> prints one); safe to keep in a file.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>A plain password: from environment variables or user-secrets only.</summary>
    public string? Password { get; set; }
}
