namespace EmbeddedKubernetes.Tests;
