using Microsoft.Playwright;

namespace BroadcastGrains.Ui.Tests.Hosting;

/// <summary>The machine's Chromium under Playwright: headless, sandbox off (CI runs as root), no network of its own.</summary>
internal static class Chromium
{
    /// <summary>Debian's package; <c>CHROMIUM_PATH</c> points elsewhere.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException("Chromium is not installed: apt-get install -y chromium (.ci/run does).", ExecutablePath);
        }
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
