using Promotions.ServiceDefaults.Auth;
using Program = Promotions.PromotionApi.Program;

namespace Promotions.Api.Tests.Offers;

/// <summary>A fresh Promotion API per test (offers see every live promotion, so tests never share a store).</summary>
public abstract class PromotionApiTest : IDisposable
{
    protected PromotionApiTest()
    {
        Seed = new Seed(Host.Services, Host.Clock.GetUtcNow());
        Channel = Host.Channel("web-shop", Scopes.OffersRead);
    }

    internal ServiceHost<Program> Host { get; } = new();

    internal Seed Seed { get; }

    /// <summary>A channel client with the <c>offers:read</c> scope.</summary>
    protected HttpClient Channel { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Channel.Dispose();
            Host.Dispose();
        }
    }
}
