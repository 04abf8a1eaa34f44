/**
 * Keyless auth to Azure AI Foundry / Azure OpenAI with Microsoft Entra ID, as hospitals deploy it: the service's
 * identity (managed identity, AKS workload identity, or a service principal in the environment) holds the
 * "Cognitive Services OpenAI User" role on the resource. `getBearerTokenProvider` caches the token and refreshes
 * it before it expires; tokens are never logged (they travel only in the Authorization header).
 */
import {
  ChainedTokenCredential,
  EnvironmentCredential,
  getBearerTokenProvider,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import { COGNITIVE_SERVICES_SCOPE } from './config';

/** A function that answers a current bearer token (what the `openai` clients take for keyless auth). */
export type TokenProvider = () => Promise<string>;

/**
 * The production credential chain, in the order a deployment is most likely to be configured: explicit
 * environment credentials (AZURE_TENANT_ID/AZURE_CLIENT_ID with a secret or certificate), workload identity
 * (AZURE_FEDERATED_TOKEN_FILE, set by AKS), then managed identity (App Service, Container Apps, VMs;
 * AZURE_CLIENT_ID selects a user-assigned identity). Developer credentials (Azure CLI, VS Code) are left out on
 * purpose: a server must not silently run as whoever last logged in on the machine.
 */
export function serviceCredential(): TokenCredential {
  const clientId = process.env['AZURE_CLIENT_ID'];
  const credentials: TokenCredential[] = [new EnvironmentCredential()];
  if (process.env['AZURE_FEDERATED_TOKEN_FILE']) credentials.push(new WorkloadIdentityCredential());
  credentials.push(clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential());
  return new ChainedTokenCredential(...credentials);
}

/** Bearer tokens for the Cognitive Services scope from `credential` (default: the service's own identity). */
export function entraTokenProvider(credential: TokenCredential = serviceCredential()): TokenProvider {
  return getBearerTokenProvider(credential, COGNITIVE_SERVICES_SCOPE);
}
