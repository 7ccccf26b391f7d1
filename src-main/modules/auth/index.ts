export { hasLanToken, issueLanToken, verifyLanToken } from './auth.service';
