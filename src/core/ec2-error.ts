/**
 * The one error type the domain raises. `code` is AWS's error code, spelled exactly as AWS
 * spells it (clients such as Terraform and botocore waiters compare it with string equality).
 */
export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number = 400,
  ) {
    super(message);
    this.name = code;
  }
}
